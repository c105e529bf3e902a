package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.platform.web.paging.Paging;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/** The list parameters of {@code GET /api/orders} and the If-Match header of {@code PUT /api/orders/{id}}. */
class OrderQueriesTest {

    private static final long CUSTOMER_ID = 7;
    private static final long OTHER_USER_ID = 8;

    private final OrderQueries queries = new OrderQueries();

    @Test
    void shouldListTheCallersOwnOrdersNewestFirstByDefault() {
        OrderQuery query = parse(customer(), request());

        assertThat(query.ownerId()).contains(CUSTOMER_ID);
        assertThat(query.status()).isEmpty();
        assertThat(query.asOf()).isEmpty();
        assertThat(query.sort()).isEqualTo(OrderQuery.Sort.CREATED_AT_DESC);
    }

    @Test
    void shouldReadStatusWhateverItsCaseAndSurroundingSpaces() {
        assertThat(parse(customer(), request().status(" cancelled ")).status()).contains(OrderStatus.CANCELLED);
    }

    @Test
    void shouldRejectAnUnknownStatusNamingTheStatusesThereAre() {
        assertThat(refusal(customer(), request().status("SHIPPED")).errors()).containsExactly(new FieldError("status",
                "must be one of [PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED]"));
    }

    @Test
    void shouldRejectSortOnAnUnknownField() {
        assertThat(refusal(customer(), request().sort("name,asc")).errors()).containsExactly(new FieldError("sort",
                "must be one of created_at,desc, created_at,asc, updated_at,desc, updated_at,asc, total,desc, "
                        + "total,asc"));
    }

    @Test
    void shouldReadAsOfAsTheMomentPagesStayPutAt() {
        assertThat(parse(customer(), request().asOf(" 2026-11-25T12:00:00+01:00 ")).asOf())
                .contains(OffsetDateTime.parse("2026-11-25T12:00:00+01:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-25", "2026-11-25T12:00:00", "1700000000"})
    void shouldRejectAsOfThatIsNotATimestampWithAnOffset(String asOf) {
        assertThat(refusal(customer(), request().asOf(asOf)).errors()).containsExactly(new FieldError("as_of",
                "must be a timestamp such as 2026-11-25T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "0000-12-31T23:59:59Z"})
    void shouldRejectAsOfOutsideTheYearsTheDatabaseStores(String asOf) {
        assertThat(refusal(customer(), request().asOf(asOf)).errors()).containsExactly(new FieldError("as_of",
                "must be a timestamp from year 1 to 9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void shouldAcceptAsOfAtTheEdgesOfThoseYears(String asOf) {
        assertThat(parse(customer(), request().asOf(asOf)).asOf()).contains(OffsetDateTime.parse(asOf));
    }

    @Test
    void shouldNameEveryWrongParameterInOneRefusal() {
        assertThat(refusal(customer(), request().status("lost").sort("price").asOf("soon")).errors())
                .extracting(FieldError::field).containsExactly("as_of", "status", "sort");
    }

    @Test
    void shouldForbidACustomerToListAnotherUsersOrders() {
        assertThat(refusal(customer(), request().ownerId(Long.toString(OTHER_USER_ID))).status()).isEqualTo(403);
        assertThat(refusal(customer(), request().all()).status()).isEqualTo(403);
    }

    @Test
    void shouldForbidACustomerAskingForOthersOrdersEvenWhenOtherParametersAreWrong() {
        assertThat(refusal(customer(), request().ownerId("8").sort("nonsense")).status()).isEqualTo(403);
    }

    @Test
    void shouldLetASuperuserListOneUsersOrdersOrEverybodys() {
        assertThat(parse(superuser(), request().ownerId(Long.toString(OTHER_USER_ID))).ownerId())
                .contains(OTHER_USER_ID);
        assertThat(parse(superuser(), request().all()).ownerId()).as("everybody's").isEmpty();
        assertThat(parse(superuser(), request()).ownerId()).as("by default their own").contains(CUSTOMER_ID);
    }

    @Test
    void shouldRejectOwnerIdTogetherWithAll() {
        assertThat(refusal(superuser(), request().ownerId("8").all()).errors())
                .containsExactly(new FieldError("all", "cannot be combined with owner_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void shouldReadTheVersionAnIfMatchHeaderNames(String ifMatch) {
        assertThat(OrderQueries.precondition(ifMatch)).isEqualTo(new Precondition(Optional.of(3L), false));
    }

    @Test
    void shouldReadAnIfMatchOfAnyVersion() {
        assertThat(OrderQueries.precondition(" * ")).isEqualTo(new Precondition(Optional.empty(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void shouldReadAMissingIfMatchAsNoPrecondition(String ifMatch) {
        assertThat(OrderQueries.precondition(ifMatch)).isEqualTo(new Precondition(Optional.empty(), false));
        assertThat(OrderQueries.precondition(null)).isEqualTo(new Precondition(Optional.empty(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"3\", \"4\"", "W/\"\"", "\"99999999999999999999\"", "**", "w/\"3\""})
    void shouldRejectAnIfMatchThatNamesNoVersionAsPreconditionFailed(String ifMatch) {
        assertThatThrownBy(() -> OrderQueries.precondition(ifMatch))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(412);
                    assertThat(problem.type()).isEqualTo("/problems/version-mismatch");
                });
    }

    private OrderQuery parse(Caller caller, ListRequest request) {
        return queries.parse(caller, request.paging, request.status, request.sort, request.ownerId, request.all,
                request.asOf);
    }

    private ProblemException refusal(Caller caller, ListRequest request) {
        Throwable thrown = catchThrowable(() -> parse(caller, request));
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }

    private static Caller customer() {
        return new Caller(CUSTOMER_ID, false);
    }

    private static Caller superuser() {
        return new Caller(CUSTOMER_ID, true);
    }

    /** The parameters as the resource passes them: as sent, the defaults applied. */
    private static ListRequest request() {
        return new ListRequest();
    }

    private static final class ListRequest {

        private final Paging paging = new Paging(1, 20);
        private String status;
        private String sort = "created_at,desc";
        private String ownerId;
        private boolean all;
        private String asOf;

        ListRequest status(String value) {
            status = value;
            return this;
        }

        ListRequest sort(String value) {
            sort = value;
            return this;
        }

        ListRequest ownerId(String value) {
            ownerId = value;
            return this;
        }

        ListRequest all() {
            all = true;
            return this;
        }

        ListRequest asOf(String value) {
            asOf = value;
            return this;
        }
    }
}
