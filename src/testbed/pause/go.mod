module svcalias.dev/testbed/pause

go 1.22
