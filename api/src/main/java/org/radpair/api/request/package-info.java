/**
 * What every endpoint's request handling shares, whichever package serves it: query parameters read strictly and typed
 * ({@link org.radpair.api.request.QueryParameters}; a bad value is a 400 naming the parameter), and many claims of one
 * request checked concurrently yet answered in input order ({@link org.radpair.api.request.InOrder}).
 */
package org.radpair.api.request;
