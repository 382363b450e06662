package io.vantage.api.admin;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;

import io.vantage.api.error.FieldException;

/** Page parameters checked like any other input, so a bad one is a 400 naming it rather than a silent default. */
@NamedInterface("console")
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static Pageable of(int page, int size) {
        return of(page, size, Sort.unsorted());
    }

    public static Pageable of(int page, int size, Sort sort) {
        if (page < 0) {
            throw new FieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new FieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(page, size, sort);
    }
}
