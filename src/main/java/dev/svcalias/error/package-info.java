/** The exit codes and the one exception type that carries a code, a message and a fix. */
package dev.svcalias.error;
