package dev.svcalias.dns;

/** The record types verify asks for: A for the address, AAAA because musl asks both at once. */
public enum RecordType {
    A, AAAA
}
