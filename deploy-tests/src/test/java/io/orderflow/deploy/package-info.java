/**
 * Checks of {@code deploy/}: every Kustomize overlay rendered by {@code kubectl kustomize} and
 * read as typed Kubernetes objects, checked against the services' own configuration (ports,
 * topics, consumer groups, metrics), plus the Dockerfile lint and the build's own rules (no versions in
 * module poms, no references to design files outside the repository).
 */
package io.orderflow.deploy;
