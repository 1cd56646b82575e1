/** Build-time generators run by Maven: help texts, completions, man pages, the command reference and exit-code page. */
package dev.svcalias.tools;
