/** DynamoDB semantics over the storage SPI. Nothing here is exported: other bundles see only the DynamoDbService. */
package io.modyn.engine;
