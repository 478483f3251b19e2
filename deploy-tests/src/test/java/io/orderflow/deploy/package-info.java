/**
 * Checks of {@code deploy/}: every Kustomize overlay rendered by {@code kubectl kustomize} and
 * read as typed Kubernetes objects, checked against the services' own configuration (ports,
 * topics, consumer groups, metrics), plus the Dockerfile lint.
 */
package io.orderflow.deploy;
