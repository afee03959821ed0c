package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTableTest {
  /** The units of {@code text} read with {@code latinCase}: "key=written" once all is read. */
  private static List<String> units(String text, LatinCase latinCase) {
    UnitTable table = UnitTable.of(latinCase);
    List<Integer> ids = new ArrayList<>();
    ClauseScanner s = new ClauseScanner(table, latinCase, false, (u, length, owned, a, b) -> {
      for (int i = 0; i < owned; i++) {
        if (UnitTable.isLatinId(u[i]) && !ids.contains(u[i])) {
          ids.add(u[i]);
        }
      }
    });
    s.text(text);
    s.finish();
    List<String> out = new ArrayList<>();
    for (int id : ids) {
      out.add(table.key(id) + "=" + table.text(id));
    }
    return out;
  }

  @Test
  void latinId_foldedGoldenTable_oneUnitPerKeyWrittenInItsMostFrequentForm() {
    String[][] table = {
        // input, units in id order as key=written form
        {"CPU温度，cpu占用，CPU风扇", "cpu=CPU"},
        {"cpu和CPU", "cpu=CPU"}, // a tie: the form first by code point (C before c)
        {"Cpu和cpu", "cpu=Cpu"},
        {"ＣＰＵ、cpu、cpu", "cpu=cpu"}, // full-width forms are read half-width
        {"ＣＰＵ、ＣＰＵ、cpu", "cpu=CPU"},
        {"iPhone，IPHONE，iPhone，iphone", "iphone=iPhone"},
        {"12306订票，12306", "12306=12306"}, // digits have no case
        {"5G网络，5g手机，5g", "5g=5g"},
        {"BIOS设置Bios，bios，sd卡SD卡SD卡", "bios=BIOS", "sd=SD"},
        {"Éclair éclair éclair", "éclair=éclair"}, // Latin-1 letters fold too
        {"COVID-19，covid-19，Covid-19，COVID-19", "covid-19=COVID-19"},
    };
    for (String[] row : table) {
      assertEquals(List.of(row).subList(1, row.length), units(row[0], LatinCase.FOLD), row[0]);
    }
  }

  @Test
  void latinId_keepCaseAndLowercase_theOldUnitsAndTheLowerCaseOnes() {
    assertEquals(List.of("CPU=CPU", "cpu=cpu", "Cpu=Cpu"),
        units("CPU，cpu，Cpu，cpu", LatinCase.KEEP));
    assertEquals(List.of("cpu=cpu"), units("CPU，cpu，Cpu，CPU", LatinCase.LOWER));
  }

  @Test
  void text_formsReadInTurn_theMostFrequentSoFarTiesByCodePoint() {
    UnitTable t = new UnitTable(true);
    int id = t.latinId("cpu");
    assertEquals("cpu", t.text(id));
    assertEquals(id, t.latinId("CPU"));
    assertEquals("CPU", t.text(id), "a tie at 1: CPU sorts first");
    t.latinId("cpu");
    assertEquals("cpu", t.text(id));
    t.latinId("Cpu", 5);
    assertEquals("Cpu", t.text(id));
    assertEquals("cpu", t.key(id));
    assertEquals(1, t.latinCount());
    assertArrayEquals(new long[] {2, 1, 5}, t.forms().counts());
  }

  @Test
  void existingLatinId_foldingTable_findsAnyCaseAndWidth_keepingTableOnlyTheForm() {
    UnitTable fold = new UnitTable(true);
    int id = fold.latinId("CPU");
    for (String asked : new String[] {"CPU", "cpu", "Cpu", "ＣＰＵ"}) {
      assertArrayEquals(new int[] {id, '温'}, fold.toUnits(asked + "温", false), asked);
    }
    assertEquals(-1, fold.existingLatinId("gpu"));
    UnitTable keep = new UnitTable(false);
    int kept = keep.latinId("CPU");
    assertEquals(kept, keep.existingLatinId("CPU"));
    assertEquals(-1, keep.existingLatinId("cpu"));
  }

  @Test
  void toUnits_assign_registersFormsWithoutCountingThem() {
    UnitTable t = new UnitTable(true);
    int id = t.toUnits("IPHONE手机", true)[0];
    assertEquals("IPHONE", t.text(id));
    t.latinId("iPhone");
    assertEquals("iPhone", t.text(id), "read once, against a form never read");
  }

  @Test
  void addAll_formsOfTwoTables_sameIdsAndTheArgmaxOfTheSummedCounts() {
    UnitTable a = new UnitTable(true);
    a.latinId("CPU", 5);
    a.latinId("BIOS", 1);
    UnitTable b = new UnitTable(true);
    b.latinId("bios", 3);
    b.latinId("cpu", 4);
    b.latinId("GPU", 1);
    UnitTable merged = new UnitTable(true);
    assertEquals(0, merged.addAll(a.forms()));
    merged.addAll(b.forms());
    assertEquals(List.of("cpu", "bios", "gpu"), merged.latinKeys());
    assertEquals("CPU", merged.text(UnitTable.LATIN_BASE), "5 against 4");
    assertEquals("bios", merged.text(UnitTable.LATIN_BASE + 1), "3 against 1");
    // Rebuilt from its forms, a table has the same ids and written forms.
    UnitTable copy = new UnitTable(true);
    copy.addAll(merged.forms());
    for (int i = 0; i < 3; i++) {
      assertEquals(merged.text(UnitTable.LATIN_BASE + i), copy.text(UnitTable.LATIN_BASE + i));
    }
  }

  @Test
  void freeze_formsReadAfterward_mappedToTheUnitWithoutChangingItsWrittenForm() {
    UnitTable t = new UnitTable(true);
    int id = t.latinId("CPU");
    t.freeze();
    assertEquals(id, t.latinId("cpu"));
    assertEquals(id, t.latinId("cpu"));
    assertEquals("CPU", t.text(id));
    assertArrayEquals(new long[] {1, 0}, t.forms().counts());
  }

  @Test
  void clauseScanner_tableFoldingOtherwiseThanTheReader_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ClauseScanner(new UnitTable(false), LatinCase.FOLD, false, (u, l, o, a, b) -> { }));
    assertThrows(IllegalArgumentException.class,
        () -> new ClauseScanner(new UnitTable(true), LatinCase.KEEP, false, (u, l, o, a, b) -> { }));
  }

  @Test
  void latinCaseOf_eachPairOfOptions_foldLowerKeepOrRefusedForBoth() {
    assertEquals(LatinCase.FOLD, LatinCase.of(false, false));
    assertEquals(LatinCase.LOWER, LatinCase.of(true, false));
    assertEquals(LatinCase.KEEP, LatinCase.of(false, true));
    assertThrows(IllegalArgumentException.class, () -> LatinCase.of(true, true));
  }
}
