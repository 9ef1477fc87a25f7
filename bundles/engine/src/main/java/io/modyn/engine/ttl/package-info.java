/** Time to Live: the background expirer that deletes items whose expiry time has passed. */
package io.modyn.engine.ttl;
