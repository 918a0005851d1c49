-- Reading a file asks what it is attached to (files.mayRead): GIN indexes answer
-- "which wish / order / care visit holds this photo" without scanning the tables.
CREATE INDEX wishes_fulfil_photos_idx ON wishes USING gin (fulfil_photos);
CREATE INDEX orders_delivery_photos_idx ON orders USING gin (delivery_photos);
CREATE INDEX care_visits_photos_idx ON care_visits USING gin (photos);
-- The places of a menu item taken by orders in progress (its capacity), counted on every
-- menu read and under the item's lock on every order.
CREATE INDEX orders_menu_item_open_idx ON orders (menu_item_id) WHERE status IN ('ordered', 'triaged', 'dispatched', 'accepted');
