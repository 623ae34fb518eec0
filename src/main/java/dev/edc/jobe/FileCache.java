package dev.edc.jobe;

import java.util.Optional;

/** Jobe's file cache: support files by id (CodeRunner uses their MD5), each owner's apart from the others'. */
interface FileCache {

    /** Keeps the file (replacing one of the same id), evicting the owner's least recently put past the bound. */
    void put(String owner, String id, byte[] contents);

    boolean contains(String owner, String id);

    /** The file, if it is cached; reading it keeps it longer. */
    Optional<byte[]> get(String owner, String id);
}
