package de.leitbild.publisher.config;

import java.util.List;

/**
 * A kind of document (JBake's {@code jbake-type}) with its template and the header attributes it must have.
 * Each entry of {@code requiredAttributes} lists alternatives separated by {@code |}: one of them must be present.
 */
public record DocumentType(String id, String template, List<String> requiredAttributes) {
}
