/** Changes as data: each kind knows whether it writes, its phase, its preview, and is applied through a visitor; one Plan drives --dry-run, apply and undo. */
package dev.svcalias.plan;
