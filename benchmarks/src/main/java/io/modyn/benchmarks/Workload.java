package io.modyn.benchmarks;

/**
 * The storage operations of issue 12, each as the requests one client sends: durable PutItem of new
 * items, GetItem from the hot set, Query of one ten-item partition, parallel Scan.
 */
enum Workload {
    GET_ITEM("GetItem", "get") {
        @Override
        ClientRequests requests(Dataset dataset, String host, int client, int clients) {
            RequestTemplate template = dataset.key(RequestTemplate.builder("GetItem")
                    .text("{\"TableName\":\"" + dataset.table() + "\",\"Key\":{")).text("}}").build(host);
            long hot = Math.max(1, Math.min(dataset.hotItems(), dataset.loadedItems()));
            return new TemplateRequests(template, t -> {
                long item = TemplateRequests.random(hot);
                t.setDigits(0, item / Dataset.ITEMS_PER_PARTITION);
                t.setDigits(1, item % Dataset.ITEMS_PER_PARTITION);
            }, 0, "\"Item\"");
        }
    },
    QUERY("Query (10 items)", "query") {
        @Override
        ClientRequests requests(Dataset dataset, String host, int client, int clients) {
            RequestTemplate template = RequestTemplate.builder("Query")
                    .text("{\"TableName\":\"" + dataset.table() + "\",\"KeyConditionExpression\":\"pk = :pk\","
                            + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"p").slot(Dataset.PARTITION_DIGITS).text("\"}}}").build(host);
            long partitions = Math.max(1, dataset.loadedItems() / Dataset.ITEMS_PER_PARTITION);
            return new TemplateRequests(template, t -> t.setDigits(0, TemplateRequests.random(partitions)), 0, "\"Count\":10");
        }
    },
    SCAN("Scan", "scan") {
        @Override
        ClientRequests requests(Dataset dataset, String host, int client, int clients) {
            return new ScanRequests(dataset, host, client, clients);
        }
    },
    PUT_ITEM("PutItem (durable)", "put") {
        @Override
        ClientRequests requests(Dataset dataset, String host, int client, int clients) {
            RequestTemplate template = dataset.item(RequestTemplate.builder("PutItem")
                    .text("{\"TableName\":\"" + dataset.table() + "\",\"Item\":")).text("}").build(host);
            long first = dataset.loadedPartitions();
            return new TemplateRequests(template, t -> {
                t.setDigits(0, first + TemplateRequests.random(Dataset.PARTITION_SPACE - first));
                t.fillRandom(2);
            }, dataset.itemBytes(), null);
        }
    };

    private final String label;
    private final String id;

    Workload(String label, String id) {
        this.label = label;
        this.id = id;
    }

    String label() {
        return label;
    }

    /** The short name used on the command line (--workloads get,query,scan,put) and in file names. */
    String id() {
        return id;
    }

    abstract ClientRequests requests(Dataset dataset, String host, int client, int clients);

    static Workload byId(String id) {
        for (Workload workload : values()) {
            if (workload.id.equals(id)) return workload;
        }
        throw new IllegalArgumentException("unknown workload " + id + " (get, query, scan, put)");
    }
}
