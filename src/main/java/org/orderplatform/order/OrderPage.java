package org.orderplatform.order;

import java.util.List;

/** The shape of a page of orders, for the OpenAPI document (the list is sent as ready-made JSON). */
public record OrderPage(List<OrderView> items, long total, int page, int size) {
}
