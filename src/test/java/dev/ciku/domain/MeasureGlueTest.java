package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasureGlueTest {
  @Test
  void isGlue_termsByShareAfterANumberOrDeterminer_glueOnlyWithAMeasureWordFirstAboveTheShare() {
    MeasureGlue g = MeasureGlue.of(MeasureGlue.SHARE);
    // term, occurrences, occurrences after a number or a determiner, glue? (car forum figures)
    Object[][] cases = {
        {"个油", 201L, 188L, true},
        {"款车", 88L, 69L, true},
        {"次会议通过", 77L, 77L, true},
        {"尊贵", 120L, 59L, false}, // 尊 is a measure word, but not after numbers that often
        {"款车", 88L, 44L, false}, // exactly half: not more than the share
        {"轮胎", 300L, 5L, false},
        {"刹车", 683L, 683L, false}, // 刹 is no measure word
        {"个油", 0L, 0L, false},
        {"", 5L, 5L, false},
    };
    for (Object[] c : cases) {
      assertEquals(c[3], g.isGlue((String) c[0], (Long) c[1], (Long) c[2]),
          c[0] + " " + c[1] + " " + c[2]);
    }
  }

  @Test
  void of_shareOne_switchedOff() {
    MeasureGlue off = MeasureGlue.of(1);
    assertFalse(off.enabled());
    assertFalse(off.isGlue("个油", 201, 201));
    assertTrue(MeasureGlue.of(0).enabled());
    assertTrue(MeasureGlue.of(0).isGlue("个油", 201, 1));
  }

  @Test
  void of_shareOutOfRange_refusedNamingTheOption() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MeasureGlue.of(bad));
      assertTrue(e.getMessage().startsWith("--measure-glue must be between 0 and 1"),
          e.getMessage());
    }
  }
}
