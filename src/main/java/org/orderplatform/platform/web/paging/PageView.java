package org.orderplatform.platform.web.paging;

import java.util.List;

/** One page of a list: {@code {"items", "total", "page", "size"}}; pages are numbered from 1. */
public record PageView<T>(List<T> items, long total, int page, int size) {
}
