package dev.svcalias.app.write;

/**
 * How to take one applied write back ({@code action}), what the rollback message says when it worked
 * ({@code done}), and what stays changed if it fails ({@code leftIfFails}), each naming the object exactly.
 */
record Undo(String done, Runnable action, String leftIfFails) {}
