/**
 * The slice of fhirclient's Client the rest of the app uses. Every read and write goes through
 * `request`, so token refresh and 401 handling always apply.
 */
import type Client from 'fhirclient/lib/Client';

/** A connected SMART client. */
export type SmartClient = Pick<Client, 'request'>;
