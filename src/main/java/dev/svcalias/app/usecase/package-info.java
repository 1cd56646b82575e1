/** Use cases: one class per command (orchestration only), its request and result records, and the small rules only one command uses. */
package dev.svcalias.app.usecase;
