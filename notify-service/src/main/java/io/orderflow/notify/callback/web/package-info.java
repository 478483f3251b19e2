/** The HTTP endpoints WeChat Pay calls back, answering in WeChat's terms (204, or FAIL). */
package io.orderflow.notify.callback.web;
