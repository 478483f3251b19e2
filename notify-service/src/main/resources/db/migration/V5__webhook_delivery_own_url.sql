-- Deliveries to an order's own notify_url (given at creation, carried in OrderStatusChanged) instead of the
-- shop's endpoints: the URL is the delivery's own, and the row belongs to the shop's pseudo endpoint
-- "shop:<shop_id>" (types {}, so it never takes the shop's other deliveries), whose derived secret signs it.
alter table webhook_delivery add column url text;
