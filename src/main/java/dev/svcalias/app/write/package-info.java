/** Plan application: each change written conditionally on what was read, read back when its answer is lost, undone in reverse on failure. */
package dev.svcalias.app.write;
