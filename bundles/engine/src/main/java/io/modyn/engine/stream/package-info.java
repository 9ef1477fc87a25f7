/**
 * DynamoDB Streams: the StreamSpecification of tables, the stream records written with every item
 * change, the Streams API that reads them, their 24-hour retention and the in-process listeners.
 */
package io.modyn.engine.stream;
