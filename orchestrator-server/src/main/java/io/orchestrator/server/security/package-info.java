/** Authentication (API keys, JWTs, the bootstrap admin key), rate limits and TLS (DESIGN §8). */
package io.orchestrator.server.security;
