/**
 * Who may do what: roles, and API keys stored hashed through the storage component so that they
 * survive restarts and are shared by replicas.
 */
package io.orchestrator.core.access;
