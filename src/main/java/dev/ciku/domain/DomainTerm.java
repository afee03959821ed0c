package dev.ciku.domain;

/**
 * One mined domain term.
 *
 * @param term the text
 * @param units number of units
 * @param domainCount occurrences in the domain corpus (the discovery fragment count)
 * @param referenceCount occurrences in the reference ({@link ReferenceCounts#count})
 * @param share smoothed domain share ({@link TermScores#share})
 * @param g2 signed log-likelihood keyness ({@link TermScores#g2})
 * @param weirdness relative-frequency ratio ({@link TermScores#weirdness})
 * @param cValue nested termhood ({@link TermScores#cValue})
 * @param charSpecificity geometric mean of the characters' weirdness
 *     ({@link TermScores#charSpecificity})
 * @param residualIdf burstiness over the lines of the domain corpus, in bits
 *     ({@link TermScores#residualIdf})
 * @param score the ranking score ({@link DomainTermMiner.Rank})
 */
public record DomainTerm(String term, int units, long domainCount, long referenceCount,
    double share, double g2, double weirdness, double cValue, double charSpecificity,
    double residualIdf, double score) {}
