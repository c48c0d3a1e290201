/** A response set: one respondent's answers to one instrument. */
package io.bilan.api.response;
