package io.vantage.api.admin;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.modulith.NamedInterface;

/** One page of a search, with what a client needs to page on. */
@NamedInterface("console")
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
