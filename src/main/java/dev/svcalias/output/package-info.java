/** Printers: table, json and yaml, colours and unified diffs; takes records, never cluster objects. */
package dev.svcalias.output;
