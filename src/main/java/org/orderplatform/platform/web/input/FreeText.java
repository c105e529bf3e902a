package org.orderplatform.platform.web.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a body field of free text (names, notes), where tab and line breaks are allowed; every other string is
 * one line. Both are checked by {@link PlainText} when the body is read (see {@code platform.web.body.BodyShape}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FreeText {
}
