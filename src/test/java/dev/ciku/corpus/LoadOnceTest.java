package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadOnceTest {
  @Test
  void get_calledRepeatedly_loadsOnceAndKeepsTheValue() {
    AtomicInteger calls = new AtomicInteger();
    LoadOnce<String> once = new LoadOnce<>(() -> "v" + calls.incrementAndGet());
    assertEquals("v1", once.get());
    assertSame(once.get(), once.get());
    assertEquals(1, calls.get());
  }

  @Test
  void get_throwsTheLoadersExceptionNotAnError_andTriesAgain() {
    // An unreadable dict/ file beside the jar: the exception itself reaches the caller (ciku
    // reports it as one line, "cannot read ...: permission denied"), not an
    // ExceptionInInitializerError with a stack trace; the next call reads again.
    AtomicInteger calls = new AtomicInteger();
    LoadOnce<String> once = new LoadOnce<>(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new UncheckedIOException("cannot read",
            new AccessDeniedException("dict/stopwords.txt"));
      }
      return "ok";
    });
    UncheckedIOException e = assertThrows(UncheckedIOException.class, once::get);
    assertEquals(AccessDeniedException.class, e.getCause().getClass());
    assertEquals("ok", once.get());
    assertEquals(2, calls.get());
  }

  @Test
  void bundled_calledTwice_sameTable() throws IOException {
    assertSame(Simplified.bundled(), Simplified.bundled());
    assertSame(FunctionWords.bundled(), FunctionWords.bundled());
  }
}
