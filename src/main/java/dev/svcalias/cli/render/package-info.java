/** Renderers: each use case's result as a table for people, or as data for json/yaml; results stay data. */
package dev.svcalias.cli.render;
