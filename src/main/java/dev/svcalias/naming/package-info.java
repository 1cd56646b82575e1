/** Naming rules: which zones and alias names are valid, and the host an alias answers; a leaf every layer can use. */
package dev.svcalias.naming;
