package org.orderplatform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.orderplatform.platform.web.input.FreeText;

/**
 * The content of an order, for {@code POST /api/orders} and {@code PUT /api/orders/{id}}. Computed and
 * server-owned fields (id, owner_id, status, total, line_total, ...) are not part of it: sending them is a 422.
 * {@code version} is only meaningful for PUT, as an alternative to If-Match.
 */
public record OrderRequest(
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @IsoCurrency String currency,
        @Size(max = 2000) @FreeText String notes,
        @Min(1) Long version) {

    public static final String DEFAULT_CURRENCY = "USD";

    /** The currency, defaulted. */
    public String currencyOrDefault() {
        return currency == null ? DEFAULT_CURRENCY : currency;
    }

    /** One line as the client sends it; {@code line_total} is computed. */
    public record Item(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
                    message = "may contain only letters, digits, '.', '_' and '-'") String sku,
            @NotBlank @Size(max = 200) @FreeText String name,
            @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }
}
