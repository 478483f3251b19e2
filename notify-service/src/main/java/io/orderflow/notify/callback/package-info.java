/**
 * WeChat Pay callbacks: verified with the merchant's keys before anything reads them,
 * decrypted, kept raw in the inbox by notification id, and announced as PaymentNotified or
 * RefundNotified (source CALLBACK) in the same transaction.
 */
package io.orderflow.notify.callback;
