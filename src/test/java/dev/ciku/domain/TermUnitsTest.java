package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ciku.corpus.UnitTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermUnitsTest {

  private static List<String> split(String text) {
    return TermUnits.split(text, new UnitTable(true));
  }

  @Test
  void split_goldenTable_unitsAsTheReaderMakesThem() {
    assertEquals(List.of("北", "京"), split("北京"));
    assertEquals(List.of("5G", "网"), split("５G网"), "full-width ASCII normalised");
    assertEquals(List.of("iPhone7", "手", "机"), split("iPhone7手机"));
    assertEquals(List.of("COVID-19", "疫", "情"), split("COVID-19疫情"));
    assertEquals(List.of("cafe\u0301", "店"), split("cafe\u0301店"),
        "a combining mark stays in its Latin unit, as the reader keeps it");
    assertEquals(List.of("𠀀", "人"), split("𠀀人"), "a character outside the BMP");
    assertEquals(List.of(), split(""));
    assertNull(split("法，院"));
    assertNull(split("a-"), "a joiner with no Latin character after it");
  }

  @Test
  void split_oneTableForManyTerms_sameUnitsAsFreshTables() {
    UnitTable shared = new UnitTable(true);
    for (String term : List.of("iPhone7手机", "5G网", "iPhone7", "COVID-19疫情", "5G", "北京")) {
      assertEquals(split(term), TermUnits.split(term, shared), term);
    }
  }
}
