package io.vantage.etl.validate;

/** A set of 64-bit hashes with open addressing: 8 to 16 bytes a key, where a HashSet of strings takes ~80. */
final class LongSet {

    private long[] table = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds {@code value}; false when it was there already. */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        // values are hash() results, already mixed: their low bits index the table as they are
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = value;
                size++;
                return true;
            }
        }
    }

    boolean contains(long value) {
        if (value == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return true;
            }
            if (table[i] == 0) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long value : old) {
            if (value != 0) {
                add(value);
            }
        }
    }

    /** 64-bit FNV-1a over the characters, then a finalising mix: two different ids share a hash with p ~ 2^-64. */
    static long hash(String first, String second) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, first);
        if (second != null) {
            h = (h ^ 0x1F) * 0x100000001b3L;
            h = fnv(h, second);
        }
        return mix(h);
    }

    private static long fnv(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
