/** Alias backends: how each mode stores an alias (ExternalName Services, ServiceEntries, VirtualServices), with their manifests and labels. */
package dev.svcalias.app.alias;
