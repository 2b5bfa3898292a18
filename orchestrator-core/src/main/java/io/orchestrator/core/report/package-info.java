/**
 * The probe report model: immutable records mirroring the wire format field for field.
 *
 * <p>Component names are the camel-case forms of the wire's snake_case names, so a JSON mapper with
 * a snake-case naming strategy binds them without annotations. Absent arrays and maps become empty
 * collections; absent sections stay {@code null}. A {@link Report} validates its whole tree when
 * constructed (see {@link InvalidReportException}).
 */
package io.orchestrator.core.report;
