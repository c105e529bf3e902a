package org.orderplatform.platform.web.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * A valid page of a list: {@code page} from 1 to {@link #MAX_PAGE}, {@code size} from 1 to {@link #MAX_SIZE}. The
 * one check of the {@code page} and {@code size} query parameters of every list operation (see
 * {@link PageParameters}), so that every list refuses the same values with the same 422.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    /** The largest offset, (MAX_PAGE - 1) * MAX_SIZE, must fit the int of JPA's setFirstResult. */
    public static final int MAX_PAGE = 10_000_000;
    public static final String PAGE_MESSAGE = "must be a whole number from 1 to " + MAX_PAGE;
    public static final String SIZE_MESSAGE = "must be a whole number from 1 to " + MAX_SIZE;
    // Digits only, and few enough that parsing is trivial and an int cannot overflow
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    public Paging {
        if (page < 1 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("No such page: " + page + " of size " + size);
        }
    }

    /** The page the parameters name; 422 naming {@code page} and/or {@code size} when they name none. */
    public static Paging of(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int number = parse(page, MAX_PAGE);
        if (number == 0) {
            errors.add(new FieldError("page", PAGE_MESSAGE));
        }
        int items = parse(size, MAX_SIZE);
        if (items == 0) {
            errors.add(new FieldError("size", SIZE_MESSAGE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Paging(number, items);
    }

    /** The number, or 0 when the text is not a whole number from 1 to max. */
    private static int parse(String text, int max) {
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            return 0;
        }
        int number = Integer.parseInt(text);
        return number <= max ? number : 0;
    }

    /** How many items come before this page. */
    public int offset() {
        return (page - 1) * size;
    }
}
