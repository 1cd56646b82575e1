/** Alias files (apply -f, verify -f): strict YAML parsing, validation with line numbers, the schema. */
package dev.svcalias.aliasfile;
