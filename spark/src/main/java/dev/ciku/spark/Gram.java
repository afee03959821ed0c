package dev.ciku.spark;

import java.io.Serializable;

/**
 * A packed gram ({@link dev.ciku.count.Grams}) as a shuffle key. {@code (0, 0)} is never a gram;
 * the cut pass uses it as the key of its fragment total.
 */
record Gram(long hi, long lo) implements Serializable {}
