/** The launcher of the local stack: one command that runs orderflow on a developer's machine. */
package io.orderflow.local;
