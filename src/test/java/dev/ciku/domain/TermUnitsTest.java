package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermUnitsTest {

  @Test
  void split_goldenTable_unitsAsTheReaderMakesThem() {
    assertEquals(List.of("北", "京"), TermUnits.split("北京"));
    assertEquals(List.of("5G", "网"), TermUnits.split("５G网"), "full-width ASCII normalised");
    assertEquals(List.of("iPhone7", "手", "机"), TermUnits.split("iPhone7手机"));
    assertEquals(List.of("COVID-19", "疫", "情"), TermUnits.split("COVID-19疫情"));
    assertEquals(List.of("cafe\u0301", "店"), TermUnits.split("cafe\u0301店"),
        "a combining mark stays in its Latin unit, as the reader keeps it");
    assertEquals(List.of("𠀀", "人"), TermUnits.split("𠀀人"), "a character outside the BMP");
    assertEquals(List.of(), TermUnits.split(""));
    assertNull(TermUnits.split("法，院"));
    assertNull(TermUnits.split("a-"), "a joiner with no Latin character after it");
  }
}
