package de.leitbild.publisher.search;

/**
 * One searchable section of a page: the part below one heading (or the start of the page), with the page
 * title (only on the first section, so that a title match ranks the start of the page first).
 */
record SearchSection(int id, String url, String page, String heading, String pageTitleField, String text) {
}
