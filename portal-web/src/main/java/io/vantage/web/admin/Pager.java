package io.vantage.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import io.vantage.api.admin.PageView;

/** Previous/next links of a paged list that keep the list's filters (the current query with another page). */
public record Pager(int page, int pages, long total, String previousUrl, String nextUrl) {

    public static Pager of(PageView<?> view, HttpServletRequest request) {
        return of(view.page(), view.size(), view.total(), request);
    }

    public static Pager of(int page, int size, long total, HttpServletRequest request) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Pager(page, pages, total, page > 0 ? link(request, page - 1) : null,
                page + 1 < pages ? link(request, page + 1) : null);
    }

    private static String link(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
