/** DNS probes: asking the cluster DNS what an alias answers, from this machine or from a pod, and diagnosing a wrong answer. */
package dev.svcalias.app.probe;
