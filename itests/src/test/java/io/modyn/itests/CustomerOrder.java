package io.modyn.itests;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A bean for {@link EnhancedClientTest}: the enhanced client needs a public class with accessors. */
@DynamoDbBean
public class CustomerOrder {

    private String customerId;
    private String orderId;
    private BigDecimal total;
    private List<String> items;

    static CustomerOrder of(String customerId, String orderId, BigDecimal total, List<String> items) {
        CustomerOrder order = new CustomerOrder();
        order.setCustomerId(customerId);
        order.setOrderId(orderId);
        order.setTotal(total);
        order.setItems(items);
        return order;
    }

    @DynamoDbPartitionKey
    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    @DynamoDbSortKey
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public List<String> getItems() {
        return items;
    }

    public void setItems(List<String> items) {
        this.items = items;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerOrder that
                && Objects.equals(customerId, that.customerId)
                && Objects.equals(orderId, that.orderId)
                && (total == null ? that.total == null : that.total != null && total.compareTo(that.total) == 0)
                && Objects.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, orderId, items);
    }

    @Override
    public String toString() {
        return "CustomerOrder[" + customerId + ", " + orderId + ", " + total + ", " + items + "]";
    }
}
