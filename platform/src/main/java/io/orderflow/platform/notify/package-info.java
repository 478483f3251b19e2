/** PostgreSQL LISTEN/NOTIFY: a commit on one replica wakes what waits for it on every replica, without polling. */
package io.orderflow.platform.notify;
